from django.urls import path, re_path

from . import views

app_name = "allocation"
urlpatterns = [
    path("rounds/", views.round_list, name="list"),
    path("rounds/new/", views.round_new, name="new"),
    path("rounds/<int:pk>/", views.round_detail, name="detail"),
    path("rounds/<int:pk>/apply/", views.round_apply_view, name="apply"),
    re_path(r"^rounds/(?P<pk>\d+)/(?P<action>close|compute|publish)/$", views.round_action, name="action"),
]
