from django.urls import path

from . import views

app_name = "follows"
urlpatterns = [
    path("my/follows/", views.my_follows, name="mine"),
    path("follows/new/", views.follow_new, name="new"),
    path("follows/<int:pk>/", views.follow_change, name="change"),
    path("follows/<int:pk>/delete/", views.follow_remove, name="delete"),
    path("follows/<int:pk>/open/", views.follow_open, name="open"),
    path("follows/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
