from django.db import migrations


def make_moderators_group(apps, schema_editor):
    # Permissions are normally made after all migrations; the group needs its one now
    # (Django finds it there afterwards and leaves it be).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    report, _ = ContentType.objects.get_or_create(app_label="moderation", model="report")
    moderate, _ = Permission.objects.get_or_create(
        content_type=report,
        codename="moderate",
        defaults={"name": "Can moderate: hide, restore, ban, see the queue and log"},
    )
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(moderate)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(make_moderators_group, migrations.RunPython.noop)]
