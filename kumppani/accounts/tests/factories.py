import factory
from allauth.account.models import EmailAddress

from kumppani.accounts.models import Role, RoleAssignment, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="fi_FI")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Users have a verified primary e-mail unless `verified=False` is passed."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()

    @classmethod
    def staff(cls, role: str = Role.FACILITY_MANAGER, **kwargs) -> User:
        user = cls(**kwargs)
        RoleAssignment.objects.create(user=user, role=role)
        return user
