from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("accounts/sign-in/", views.SignInView.as_view(), name="login"),
    path("accounts/sign-out/", views.sign_out, name="logout"),
    path("accounts/password-reset/", views.password_reset, name="password_reset"),
    path("accounts/password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path("accounts/reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("accounts/reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/my-data/", views.my_data, name="my_data"),
    path("accounts/my-data/erase/", views.erasure_request_view, name="erasure_request"),
    path("accounts/my-data/erase/withdraw/", views.erasure_withdraw_view, name="erasure_withdraw"),
    path("accounts/two-factor/", views.two_factor_verify, name="two_factor_verify"),
    path("accounts/two-factor/set-up/", views.two_factor_enrol, name="two_factor_enrol"),
    path("accounts/two-factor/recovery-codes/", views.two_factor_codes_renew, name="two_factor_codes_renew"),
    path("accounts/two-factor/off/", views.two_factor_off, name="two_factor_off"),
    path("accounts/password/", views.password_change, name="password_change"),
    path("accounts/tokens/", views.api_token_create_view, name="token_create"),
    path("accounts/tokens/<int:pk>/revoke/", views.api_token_revoke_view, name="token_revoke"),
    path("accounts/memberships/<int:pk>/consent/", views.membership_consent, name="membership_consent"),
    path("register/", views.register, name="register"),
    path("members/<slug:code>/invitations/", views.invitation_create_view, name="invitation_create"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke_view, name="invitation_revoke"),
    path("invitations/accept/<str:token>/", views.invitation_accept_view, name="invitation_accept"),
]
