from django.urls import path

from . import views
from .feeds import NoticeFeed

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("rss/", NoticeFeed(), name="feed"),
    path("<slug:slug>/", views.notice_detail, name="detail"),
]
