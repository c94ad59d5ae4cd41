package org.tutti.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Builds Tutti's runtime, app-images and packages on the system it runs on (run by the
 * installer module's exec-maven-plugin; see installer/README.md):
 * <ol>
 * <li>checks IT's {@code tutti.json} of each edition (a wrong file stops here, named);</li>
 * <li>jlinks a runtime with only the modules Tutti needs ({@link RuntimeModules}; JavaFX's jars of
 * this system's classifier on the module path, the application on the class path);</li>
 * <li>jpackages one app-image per edition into {@code <work>/app-image/}, with the desktop's JVM
 * options ({@link JvmOptions}); on Linux a desktop edition's launcher is {@link PosixLauncher};</li>
 * <li>makes the AppCDS class list from a training run of the family app-image and dumps the
 * archive of each desktop app-image ({@link CdsArchive}); bakes IT's file in;</li>
 * <li>with {@code --types=...,package}: the package of this system, deb ({@link DebPackage}),
 * msi or dmg (jpackage from the app-image), into {@code --packages}.</li>
 * </ol>
 * Arguments: {@code --work=DIR} (holds {@code input/}: tutti.jar and its libraries, and
 * {@code javafx/}: JavaFX's jars), {@code --packages=DIR}, {@code --resources=DIR} (installer/src/main),
 * {@code --project-version=V}, {@code --package-version=V} (empty: the project version without
 * -SNAPSHOT), {@code --editions=family,staff,relay}, {@code --types=app-image,package},
 * {@code --config-family=FILE}, {@code --config-staff=FILE}, {@code --xvfb-display=N}.
 */
public final class Packager {

    private final Map<String, String> options;
    private final Path work;
    private final String osName = System.getProperty("os.name", "");

    Packager(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(required("work")).toAbsolutePath();
    }

    public static void main(String[] args) throws IOException {
        new Packager(parse(args)).run();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new PackagingException("Unexpected argument \"" + arg + "\": the Packager takes --name=value");
            }
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    /** {@code -Dtutti.package.version} when given, else the project's version without -SNAPSHOT. */
    static String packageVersion(String given, String projectVersion) {
        String version = given == null || given.isBlank() ? projectVersion.replace("-SNAPSHOT", "") : given.strip();
        if (!version.matches("[0-9]+(\\.[0-9]+){0,2}")) {
            // jpackage (msi, dmg) wants one to three numbers; dpkg would take more, the others not
            throw new PackagingException("Package version \"" + version + "\": expected one to three numbers, such as 1.2.0"
                    + " (-Dtutti.package.version)");
        }
        return version;
    }

    static List<Edition> editions(String list) {
        List<Edition> editions = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                editions.add(Edition.parse(name));
            }
        }
        if (editions.isEmpty()) {
            throw new PackagingException("No edition to build (--editions=family,staff,relay)");
        }
        return editions;
    }

    void run() throws IOException {
        long start = System.nanoTime();
        String version = packageVersion(options.get("package-version"), required("project-version"));
        List<Edition> editions = editions(options.getOrDefault("editions", "family"));
        List<String> types = List.of(options.getOrDefault("types", "app-image").split(","));
        // first, before minutes of jlink: IT's files
        Map<Edition, BakedConfig> baked = new EnumMap<>(Edition.class);
        for (Edition edition : editions) {
            if (edition.desktop()) {
                BakedConfig.check(options.get("config-" + edition.name().toLowerCase(java.util.Locale.ROOT)), edition)
                        .ifPresent(config -> baked.put(edition, config));
            }
        }
        Path input = work.resolve("input");
        if (!Files.isRegularFile(input.resolve("tutti.jar"))) {
            throw new PackagingException("No " + input.resolve("tutti.jar") + ": the maven-dependency-plugin copies it first");
        }
        Path resources = Path.of(required("resources")).toAbsolutePath();
        Path images = work.resolve("app-image");
        Files.createDirectories(images);
        Path desktopRuntime = null;
        Path relayRuntime = null;
        for (Edition edition : editions) {
            if (edition.desktop() && desktopRuntime == null) {
                desktopRuntime = jlink(edition, work.resolve("runtime"));
            } else if (!edition.desktop() && relayRuntime == null) {
                relayRuntime = jlink(edition, work.resolve("runtime-relay"));
            }
        }
        Map<Edition, AppImage> built = new EnumMap<>(Edition.class);
        for (Edition edition : editions) {
            AppImage image = jpackageAppImage(edition, edition.desktop() ? desktopRuntime : relayRuntime, version,
                    baked.containsKey(edition), resources, images);
            built.put(edition, image);
        }
        cds(built);
        for (Map.Entry<Edition, BakedConfig> entry : baked.entrySet()) {
            entry.getValue().copyInto(built.get(entry.getKey()).appFolder());
            Tools.log(entry.getKey().packageName() + ": baked " + entry.getValue().file()
                    + (entry.getValue().companions().isEmpty() ? "" : " and " + entry.getValue().companions()));
        }
        if (types.contains("package")) {
            Path packages = Path.of(required("packages")).toAbsolutePath();
            PackageType type = PackageType.forOs(osName);
            for (Edition edition : editions) {
                packageOf(type, edition, built.get(edition), version, resources, packages);
            }
        }
        Tools.log("Done in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
    }

    private Path jlink(Edition edition, Path output) throws IOException {
        DebPackage.deleteTree(output);
        List<Path> javafx = edition.desktop() ? javafxModules(work.resolve("javafx")) : List.of();
        String modulePath = String.join(java.io.File.pathSeparator, javafx.stream().map(Path::toString).toList());
        Tools.run("jlink", RuntimeModules.jlinkArguments(RuntimeModules.forEdition(edition), modulePath, output.toString()));
        // only for heaps over 32 GB: never used by Tutti
        Files.deleteIfExists(output.resolve("lib/server/classes_nocoops.jsa"));
        return output;
    }

    /** JavaFX's real module jars (the classifier ones: linux, win, mac…), not the empty placeholders. */
    static List<Path> javafxModules(Path folder) throws IOException {
        List<Path> modules = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry("module-info.class") != null) {
                        modules.add(jar);
                    }
                }
            }
        }
        if (modules.isEmpty()) {
            throw new PackagingException("No JavaFX module jar in " + folder
                    + " (expected javafx-*-<classifier>.jar for this system)");
        }
        return modules;
    }

    private AppImage jpackageAppImage(Edition edition, Path runtime, String version, boolean configBaked,
            Path resources, Path images) throws IOException {
        AppImage image = AppImage.of(images, imageName(edition), osName);
        DebPackage.deleteTree(image.root());
        Path appInput = work.resolve(edition.desktop() ? "input-stored" : "input-stored-relay");
        DebPackage.deleteTree(appInput);
        int jars = StoredJars.copyStored(work.resolve("input"), appInput);
        if (!edition.desktop()) {
            // tutti-schema needs picocli, which the desktop does not ship
            jars += StoredJars.copyStored(work.resolve("relay-extra"), appInput);
        }
        Tools.log(edition.packageName() + ": " + jars + " jars, stored (the package compresses them)");
        List<String> args = Tools.list("--type", "app-image", "--dest", images.toString(),
                "--name", imageName(edition), "--app-version", version,
                "--vendor", "Tutti", "--description", edition.commentEn(),
                "--input", appInput.toString(), "--main-jar", "tutti.jar",
                "--main-class", "org.tutti.client.Launcher", "--runtime-image", runtime.toString());
        List<String> javaOptions = edition.desktop() ? JvmOptions.desktop(configBaked) : JvmOptions.relay();
        for (String option : javaOptions) {
            args.add("--java-options");
            args.add(option);
        }
        iconFor(resources).ifPresent(icon -> {
            args.add("--icon");
            args.add(icon.toString());
        });
        if (!edition.desktop()) {
            args.addAll(List.of("--arguments", "--relay", "--arguments", "--config",
                    "--arguments", "/etc/tutti/tutti-relay.json"));
            Path properties = work.resolve("tutti-schema.properties");
            // an added launcher inherits the main one's default arguments (--relay...): its own, --help
            Files.writeString(properties, "main-jar=tutti.jar\nmain-class=org.tutti.schema.cli.TuttiSchemaCli\n"
                    + "java-options=" + String.join(" ", JvmOptions.schema()) + "\narguments=--help\n");
            args.addAll(List.of("--add-launcher", "tutti-schema=" + properties));
        }
        Tools.run("jpackage", args);
        if (edition.desktop() && PackageType.forOs(osName) == PackageType.DEB) {
            PosixLauncher.install(image, imageName(edition));
        }
        return image;
    }

    /** One class list (the first desktop app-image's training run) serves every desktop app-image: same jars. */
    private void cds(Map<Edition, AppImage> built) throws IOException {
        List<Edition> desktops = built.keySet().stream().filter(Edition::desktop).toList();
        if (desktops.isEmpty()) {
            return;
        }
        Path classList = work.resolve(CdsArchive.CLASS_LIST);
        Edition first = desktops.get(0);
        int display = Integer.parseInt(options.getOrDefault("xvfb-display", "97"));
        if (!CdsArchive.train(built.get(first), imageName(first), classList, work, display)) {
            return;
        }
        for (Edition edition : desktops) {
            AppImage image = built.get(edition);
            Files.copy(classList, image.appFolder().resolve(CdsArchive.CLASS_LIST),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // the archive is valid only where it was dumped: the family app-image's serves its
            // integration tests (and the runs from target/); the deb dumps its own at install
            if (edition == first) {
                CdsArchive.dump(image, imageName(edition));
            }
        }
    }

    private void packageOf(PackageType type, Edition edition, AppImage image, String version, Path resources,
            Path packages) throws IOException {
        if (type == PackageType.DEB) {
            Path icon = resources.resolve("icons/tutti.png");
            DebPackage.build(edition, image, version, work, packages, resources, icon);
            return;
        }
        if (!edition.desktop()) {
            Tools.log("The relay is packaged for Debian only (see the IT guide's Windows service note)");
            return;
        }
        Files.createDirectories(packages);
        // the build's archive is valid only at this app-image's path: an MSI or DMG would carry ~95 MB
        // that the installed copy cannot map (Java 17), so it leaves before jpackage packs the folder
        if (Files.deleteIfExists(image.appFolder().resolve(CdsArchive.ARCHIVE))) {
            Tools.log(edition.packageName() + ": " + CdsArchive.ARCHIVE + " left out of the " + type.extension()
                    + " (valid only where it was dumped)");
        }
        List<String> args = Tools.list("--type", type.extension(), "--dest", packages.toString(),
                "--name", imageName(edition), "--app-version", version, "--vendor", "Tutti",
                "--description", edition.commentEn(), "--app-image", image.root().toString());
        if (type == PackageType.MSI) {
            args.addAll(List.of("--win-menu", "--win-menu-group", "Tutti", "--win-shortcut",
                    "--win-upgrade-uuid", WindowsUpgradeCodes.of(edition), "--win-dir-chooser"));
        }
        Tools.run("jpackage", args);
    }

    /**
     * The app-image's (and launcher's) name: the package name on Linux ({@code /opt/tutti-family}),
     * the menu name on Windows and macOS, where it is what the Start menu, the installation folder
     * ({@code C:\Program Files\Tutti Accueil}) and the Finder ({@code Tutti Accueil.app}) show.
     */
    String imageName(Edition edition) {
        return PackageType.forOs(osName) == PackageType.DEB ? edition.packageName() : edition.menuName();
    }

    /** The icon of this system's format: png (Linux), ico (Windows), icns (macOS). */
    private Optional<Path> iconFor(Path resources) {
        String extension = switch (PackageType.forOs(osName)) {
            case MSI -> "ico";
            case DMG -> "icns";
            case DEB -> "png";
        };
        Path icon = resources.resolve("icons/tutti." + extension);
        return Files.isRegularFile(icon) ? Optional.of(icon) : Optional.empty();
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new PackagingException("Missing --" + name + "=...");
        }
        return value;
    }
}
