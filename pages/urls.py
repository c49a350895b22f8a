from django.urls import path, re_path

from . import views

app_name = "pages"

urlpatterns = [
    path("gioi-thieu/", views.index, name="index"),
    # Slugs only, one to a segment: anything else is no page of ours, and Django's 404 answers it.
    re_path(r"^gioi-thieu/(?P<path>[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*)/$", views.detail, name="detail"),
]
