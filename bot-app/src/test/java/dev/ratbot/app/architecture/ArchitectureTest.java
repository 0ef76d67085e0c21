package dev.ratbot.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The README's module picture as rules, checked on the production classes of every module
 * (bot-app's tests see them all): the core depends on no adapter, console or launcher and on
 * neither platform library; an adapter depends on no other adapter; and no two packages depend on
 * each other, in any module.
 */
@AnalyzeClasses(packages = "dev.ratbot", importOptions = ArchitectureTest.ProductionClasses.class)
class ArchitectureTest {

    private static final String TELEGRAM = "dev.ratbot.telegram..";
    private static final String DISCORD = "dev.ratbot.discord..";
    private static final String CONSOLE = "dev.ratbot.console..";
    private static final String APP = "dev.ratbot.app..";

    @ArchTest
    static final ArchRule coreDependsOnNoAdapterConsoleOrLauncher =
            noClasses()
                    .that()
                    .resideInAPackage("dev.ratbot..")
                    .and()
                    .resideOutsideOfPackages(TELEGRAM, DISCORD, CONSOLE, APP)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(TELEGRAM, DISCORD, CONSOLE, APP)
                    .because(
                            "bot-core is everything platform-independent, and dependencies point inward");

    @ArchTest
    static final ArchRule coreUsesNeitherPlatformLibrary =
            noClasses()
                    .that()
                    .resideInAPackage("dev.ratbot..")
                    .and()
                    .resideOutsideOfPackages(TELEGRAM, DISCORD, CONSOLE, APP)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("org.telegram..", "discord4j..")
                    .because(
                            "only the adapters translate between telegrambots or Discord4J and the core");

    @ArchTest
    static final ArchRule telegramDependsOnNoOtherAdapterConsoleOrLauncher =
            noClasses()
                    .that()
                    .resideInAPackage(TELEGRAM)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(DISCORD, CONSOLE, APP);

    @ArchTest
    static final ArchRule discordDependsOnNoOtherAdapterConsoleOrLauncher =
            noClasses()
                    .that()
                    .resideInAPackage(DISCORD)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(TELEGRAM, CONSOLE, APP);

    @ArchTest
    static final ArchRule consoleDependsOnNoAdapterOrLauncher =
            noClasses()
                    .that()
                    .resideInAPackage(CONSOLE)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(TELEGRAM, DISCORD, APP);

    /**
     * Each package is a slice ({@code dev.ratbot.app} and {@code dev.ratbot.app.serve} are two).
     */
    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.ratbot.(**)").should().beFreeOfCycles();

    /**
     * Main classes only: Maven's test-classes folders and the modules' test jars hold test
     * fixtures.
     */
    static final class ProductionClasses implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/")
                    && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));
        }
    }
}
