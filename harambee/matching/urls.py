from django.urls import path, re_path

from . import views

app_name = "matching"
urlpatterns = [
    path("matches/", views.match_list, name="list"),
    path("matches/propose/", views.match_propose_view, name="propose"),
    path("matches/<int:pk>/", views.match_detail, name="detail"),
    path("matches/<int:pk>/messages/", views.match_message, name="message"),
    re_path(r"^matches/(?P<pk>\d+)/(?P<answer>accept|decline|withdraw)/$", views.match_answer, name="answer"),
]
