from django.urls import path

from . import views

app_name = "ward"

urlpatterns = [
    path("lien-he/", views.contact, name="contact"),
]
