from django.urls import path

from kumppani.organizations.views import members, public, staff

app_name = "organizations"
urlpatterns = [
    path("", public.directory, name="directory"),
    path("mine/", members.mine, name="mine"),
    path("register/", members.register, name="register"),
    path("verification/", staff.verification_queue, name="verification"),
    path("liaisons/", staff.liaison_contacts, name="liaisons"),
    path("invitations/<str:token>/", members.invitation, name="invitation"),
    path("cooperation-practices/", public.practices, name="practices"),
    path("cooperation-practices/new/", staff.practices_new, name="practices_new"),
    path("cooperation-practices/<int:version>/", public.practices, name="practices_version"),
    path("<slug:slug>/", public.detail, name="detail"),
    path("<slug:slug>/join/", public.join, name="join"),
    path("<slug:slug>/edit/", members.edit, name="edit"),
    path("<slug:slug>/leave/", members.leave, name="leave"),
    path("<slug:slug>/members/", members.members, name="members"),
    path("<slug:slug>/members/invite/", members.invite, name="invite"),
    path("<slug:slug>/members/<int:pk>/role/", members.change_role, name="change_role"),
    path("<slug:slug>/members/<int:pk>/remove/", members.remove_member, name="remove_member"),
    path(
        "<slug:slug>/join-requests/<int:pk>/",
        members.decide_join_request,
        name="decide_join_request",
    ),
    path("<slug:slug>/verify/", staff.verify, name="verify"),
]
