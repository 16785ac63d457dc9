from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "papershelf.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_delete

        from papershelf.accounts.models import User
        from papershelf.accounts.roles import roles_changed

        # Who moderates is cached (roles.py): any change to who holds which permission
        # makes every cached answer stale. (is_superuser and is_active are read from the
        # user's row at each request.)
        for through in (User.groups.through, User.user_permissions.through,
                        Group.permissions.through):  # fmt: skip
            m2m_changed.connect(roles_changed, sender=through, dispatch_uid=f"roles-{through}")
        for model in (Group, User):
            post_delete.connect(roles_changed, sender=model, dispatch_uid=f"roles-del-{model}")
