from django.apps import AppConfig


class ExampleContentConfig(AppConfig):
    name = "tests.example_content"
    label = "example_content"
