from django import forms
from django.utils.translation import gettext_lazy as _

from kumppani.accounts.models import Role, User

NO_SUCH_PERSON = _(
    "No one has an account with this e-mail address. Ask the person to create one first."
)
WRONG_PASSWORD = _("The password is not correct.")


class SignupExtraForm(forms.Form):
    full_name = forms.CharField(
        label=_("Name"),
        max_length=150,
        help_text=_("Shown to staff handling your bookings and applications; never public."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "preferred_language"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        help_texts = {
            "phone": _("Optional. Staff may call you about your bookings or applications."),
            "preferred_language": _("E-mails from the service are sent in this language."),
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            # People who sign in through the city's service have no password here.
            self.fields["password"] = forms.BooleanField(
                label=_("I understand that my account will be deleted for good.")
            )

    def clean_password(self):
        value = self.cleaned_data["password"]
        if self.user.has_usable_password() and not self.user.check_password(value):
            raise forms.ValidationError(WRONG_PASSWORD, code="wrong_password")
        return value


class GrantRoleForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        self.person = User.objects.filter(email__iexact=email).first()
        if self.person is None:
            raise forms.ValidationError(NO_SUCH_PERSON, code="no_such_person")
        return email
