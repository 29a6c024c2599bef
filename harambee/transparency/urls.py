from django.urls import path

from . import views

app_name = "transparency"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/report-<int:year>.<str:fmt>", views.report, name="report"),
]
