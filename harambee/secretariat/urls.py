from django.urls import path

from . import views

app_name = "secretariat"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("members/add/", views.member_add, name="member_add"),
    path("members/<slug:code>/status/", views.member_status, name="member_status"),
    path("invite/", views.invite_secretariat, name="invite"),
    path("audit/", views.audit_log, name="audit_log"),
    path("background/", views.background_work, name="background_work"),
    path("two-factor/reset/", views.two_factor_reset, name="two_factor_reset"),
    path("erasure-requests/", views.erasure_requests, name="erasure_requests"),
    path("erasure-requests/<int:pk>/erase/", views.erasure_carry_out, name="erasure_carry_out"),
    path("background/<uuid:task_id>/retry/", views.background_task_retry, name="background_task_retry"),
]
