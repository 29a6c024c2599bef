from django.urls import path, re_path

from . import views

app_name = "cooperation"
urlpatterns = [
    path("cooperations/", views.cooperation_list, name="list"),
    path("my/cooperations/", views.my_cooperations, name="mine"),
    path("cooperations/new/", views.cooperation_new, name="new"),
    path("cooperations/<int:pk>/", views.cooperation_detail, name="detail"),
    path("cooperations/<int:pk>/iati.xml", views.cooperation_iati, name="iati"),
    re_path(
        r"^cooperations/(?P<pk>\d+)/(?P<action>progress|milestone|milestone_done|result|indicator|budget|transaction|pledge|details)/$",
        views.cooperation_action,
        name="action",
    ),
    path("pledges/", views.pledge_list, name="pledges"),
    path("pledges/new/", views.pledge_new, name="pledge_new"),
]
