from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("members/", views.member_list, name="member_list"),
    path("members/<slug:code>/", views.member_detail, name="member_detail"),
    path("members/<slug:code>/edit/", views.member_edit, name="member_edit"),
    path("members/<slug:code>/people/", views.member_people, name="member_people"),
    path("members/<slug:code>/people/<int:pk>/", views.membership_change, name="membership_change"),
    path("members/<slug:code>/history/", views.member_history, name="member_history"),
    path("groups/", views.group_list_view, name="group_list"),
    path("groups/<str:code>/", views.group_detail, name="group_detail"),
    path("reference-data/", views.reference_data, name="reference_data"),
]
