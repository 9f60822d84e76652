"""A base on a network drive is recognised, on each system's own terms."""

from pathlib import Path

from retainer.db.network_drive import kind_from_mount_command, kind_from_mounts, network_kind

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//nas/shop /mnt/shop cifs rw,vers=3.0 0 0
nas:/export/data /mnt/shop/nfs\\040share nfs4 rw 0 0
/dev/sdb1 /mnt/shop/usb vfat rw 0 0
"""


def test_linux_mounts_name_the_file_system_of_the_deepest_mount_point():
    assert kind_from_mounts(Path("/mnt/shop/retainer.sqlite"), MOUNTS) == "cifs"
    assert kind_from_mounts(Path("/mnt/shop/nfs share/retainer.sqlite"), MOUNTS) == "nfs4"
    assert kind_from_mounts(Path("/mnt/shop/usb/retainer.sqlite"), MOUNTS) is None  # a USB stick
    assert kind_from_mounts(Path("/home/anna/retainer.sqlite"), MOUNTS) is None
    assert kind_from_mounts(Path("/mnt/shopping/retainer.sqlite"), MOUNTS) is None  # not /mnt/shop


def test_macos_mount_output():
    output = ("/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
              "//anna@nas._smb._tcp.local/Shop on /Volumes/Shop (smbfs, nodev, nosuid, mounted by anna)\n")
    assert kind_from_mount_command(Path("/Volumes/Shop/retainer.sqlite"), output) == "smbfs"
    assert kind_from_mount_command(Path("/Users/anna/retainer.sqlite"), output) is None


def test_this_computers_own_disk_is_local(tmp_path):
    assert network_kind(tmp_path / "retainer.sqlite") is None
