from django import forms
from django.utils.translation import gettext_lazy as _


class SignupExtraForm(forms.Form):
    full_name = forms.CharField(
        label=_("Name"),
        max_length=150,
        help_text=_("Shown to staff handling your bookings and applications; never public."),
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        from kumppani.accounts.models import User

        model = User
        fields = ["full_name", "phone", "preferred_language"]


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
            self.fields["password"] = forms.BooleanField(
                label=_("I understand that my account will be deleted for good.")
            )

    def clean_password(self):
        value = self.cleaned_data["password"]
        if self.user.has_usable_password() and not self.user.check_password(value):
            raise forms.ValidationError(_("The password is not correct."))
        return value
