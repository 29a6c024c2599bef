"""The open-data pages, under the language prefix (/en/data/, /en/data/dictionary/)."""

from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("data/", views.index, name="index"),
    path("data/dictionary/", views.dictionary, name="dictionary"),
]
