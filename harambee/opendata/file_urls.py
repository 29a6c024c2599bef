"""The open-data files, at stable addresses without a language prefix (/data/needs.csv)."""

from django.urls import path, re_path

from . import views

app_name = "opendata_files"
urlpatterns = [
    path("datapackage.json", views.datapackage, name="datapackage"),
    path("iati-activities.xml", views.iati_activities, name="iati"),
    re_path(r"^(?P<dataset>[a-z]+)\.(?P<fmt>csv|json)$", views.data_file, name="file"),
]
