import copy

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class PrebuiltFieldsMixin:
    """A ModelSerializer that inspects its model once per process, not once per instance.

    DRF builds a ModelSerializer's fields from the model on every instantiation (about 1 ms for
    twenty fields), which dominates a single-object response. The fields depend only on the
    class and its Meta, so they are built once and copied, as DRF copies declared fields.
    """

    def get_fields(self):
        cls = type(self)
        prototype = cls.__dict__.get("_prebuilt_fields")
        if prototype is None:
            prototype = super().get_fields()
            cls._prebuilt_fields = prototype
        return copy.deepcopy(prototype)
