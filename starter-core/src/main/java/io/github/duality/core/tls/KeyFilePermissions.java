package io.github.duality.core.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * libpq's rule for a private key file, which pgjdbc (42.7.11 and later) applies too: readable by its owner only
 * (0600 or less), or also by its group when root owns it (0640 or less). Decided here once, so that {@code explain},
 * startup and both paths agree; the key is then handed to the drivers in memory.
 */
public final class KeyFilePermissions {

	private static final Set<PosixFilePermission> GROUP_WRITE_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
			PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
			PosixFilePermission.OTHERS_EXECUTE);

	private KeyFilePermissions() {
	}

	/**
	 * Refuses a key file that libpq would refuse.
	 * @param file the key file, as named (a Kubernetes secret's symbolic link is followed, as libpq does)
	 * @param parameter the parameter that names it
	 * @throws KeyFileException if its group or others may read it
	 */
	public static void check(Path file, String parameter) {
		Set<PosixFilePermission> permissions;
		boolean ownedByRoot;
		try {
			permissions = Files.getPosixFilePermissions(file);
			ownedByRoot = Integer.valueOf(0).equals(Files.getAttribute(file, "unix:uid"));
		}
		catch (UnsupportedOperationException | IllegalArgumentException ex) {
			// not a POSIX file system (Windows): libpq does not check there either
			return;
		}
		catch (IOException ex) {
			throw new KeyFileException(parameter,
					"The " + parameter + " file " + file + " cannot be read: " + ex.getMessage(),
					"Make it readable by the application's user.");
		}
		Set<PosixFilePermission> refused = EnumSet.copyOf(GROUP_WRITE_OR_OTHERS);
		if (!ownedByRoot) {
			refused.add(PosixFilePermission.GROUP_READ);
		}
		if (permissions.stream().anyMatch(refused::contains)) {
			throw new KeyFileException(parameter, "The " + parameter + " file " + file + " has group or world access ("
					+ PosixFilePermissions.toString(permissions) + "): libpq and pgjdbc refuse a private key that "
					+ "others may read; it must be 0600 or less, or 0640 or less when root owns it.",
					"chmod 0600 " + file + "; from a Kubernetes secret volume, set its defaultMode (or the "
							+ "item's mode) to 0400 or 0600 (Kubernetes' default is 0644).");
		}
	}

}
