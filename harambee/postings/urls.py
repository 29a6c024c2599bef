from django.urls import path, re_path

from . import views

KIND = r"(?P<kind_path>needs|offers)"
ID = r"(?P<external_id>[A-Za-z0-9][A-Za-z0-9._:-]{0,99})"

app_name = "postings"
urlpatterns = [
    path("my/postings/", views.my_postings, name="mine"),
    path("postings/import/", views.posting_import_view, name="import"),
    re_path(rf"^{KIND}/$", views.posting_list, name="list"),
    re_path(rf"^{KIND}/new/$", views.posting_new, name="new"),
    re_path(rf"^{KIND}/export\.(?P<fmt>jsonl|csv)$", views.posting_export, name="export"),
    re_path(rf"^{KIND}/{ID}/$", views.posting_detail, name="detail"),
    re_path(rf"^{KIND}/{ID}/edit/$", views.posting_edit, name="edit"),
    re_path(rf"^{KIND}/{ID}/transition/$", views.posting_transition_view, name="transition"),
]
