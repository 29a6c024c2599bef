from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("assessments/", views.index, name="index"),
    path("assessments/review/", views.queue, name="queue"),
    path("assessments/member/<slug:code>/", views.member_assessments, name="member"),
    path("assessments/<int:pk>/", views.detail, name="detail"),
    path("assessments/<int:pk>/answer/", views.edit, name="edit"),
    path("assessments/<int:pk>/comment/", views.comment, name="comment"),
    path("assessments/<int:pk>/evidence/", views.evidence, name="evidence"),
    path("assessments/<int:pk>/evidence/<int:evidence_id>/", views.evidence_download, name="evidence_file"),
    path("assessments/<int:pk>/submit/", views.submit, name="submit"),
    path("assessments/<int:pk>/validate/", views.validate, name="validate"),
    path("assessments/<int:pk>/return/", views.return_view, name="return"),
    path("assessments/<int:pk>/public/", views.set_public, name="public"),
    path("assessments/<int:pk>/need/", views.create_need, name="need"),
    path("assessments/<int:pk>/export.csv", views.export_csv, name="export_csv"),
    path("assessments/<int:pk>/export.json", views.export_json, name="export_json"),
]
