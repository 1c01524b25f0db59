package io.sightline;

import java.net.URLConnection;
import java.time.Instant;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sightline.source.Source;
import io.sightline.task.Task;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the "must not" column of DESIGN.md's module table true. */
@AnalyzeClasses(packages = "io.sightline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule modulesDoNotDependOnEachOtherInCycles = slices().matching("io.sightline.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule taskKnowsNothingOfSourcesOrModels = noClasses().that()
		.resideInAPackage("io.sightline.task..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.sightline.source..", "io.sightline.summarize..", "io.sightline.pipeline..",
				"io.sightline.intake..", "io.sightline.library..");

	@ArchTest
	static final ArchRule accountsKnowNothingOfTasksSourcesOrSummaries = noClasses().that()
		.resideInAPackage("io.sightline.account..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.sightline.task..", "io.sightline.pipeline..", "io.sightline.source..",
				"io.sightline.summarize..", "io.sightline.library..", "io.sightline.intake..");

	@ArchTest
	static final ArchRule sourcesDoNotTouchTheDatabase = noClasses().that()
		.resideInAPackage("io.sightline.source..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "io.sightline.task..",
				"io.sightline.library..");

	@ArchTest
	static final ArchRule summarizersKnowNothingOfHttpOrTasks = noClasses().that()
		.resideInAPackage("io.sightline.summarize..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
				"io.sightline.task..", "io.sightline.pipeline..", "org.springframework.jdbc..");

	@ArchTest
	static final ArchRule theModelClientKnowsNothingOfTasksSourcesOrSummaries = noClasses().that()
		.resideInAPackage("io.sightline.model..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.sightline.task..", "io.sightline.pipeline..", "io.sightline.source..",
				"io.sightline.summarize..", "io.sightline.library..");

	@ArchTest
	static final ArchRule noBeanOfOursDependsOnASettingForItsExistence = noClasses().that()
		.resideInAPackage("io.sightline..")
		.should()
		.beAnnotatedWith("org.springframework.boot.autoconfigure.condition.ConditionalOnProperty")
		.orShould()
		.beAnnotatedWith("org.springframework.context.annotation.Profile")
		.because("the build's ahead-of-time processing fixes which beans exist (ADR 0011): decide at start instead");

	@ArchTest
	static final ArchRule noBeanMethodOfOursDependsOnASettingForItsExistence = noMethods().that()
		.areDeclaredInClassesThat()
		.resideInAPackage("io.sightline..")
		.should()
		.beAnnotatedWith("org.springframework.boot.autoconfigure.condition.ConditionalOnProperty")
		.orShould()
		.beAnnotatedWith("org.springframework.context.annotation.Profile")
		.because("the build's ahead-of-time processing fixes which beans exist (ADR 0011): decide at start instead");

	@ArchTest
	static final ArchRule intakeFetchesNothing = noClasses().that()
		.resideInAPackage("io.sightline.intake..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("java.net.http..", "org.springframework.web.client..");

	@ArchTest
	static final ArchRule onlyTheGuardedFetcherYouTubeTheModelClientAndTheCommandLineMakeHttpCalls = noClasses().that()
		.resideOutsideOfPackages("io.sightline.source.fetch..", "io.sightline.source.youtube..", "io.sightline.model..",
				"io.sightline.cli..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("okhttp3..", "java.net.http..", "org.springframework.web.client..")
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(URLConnection.class);

	@ArchTest
	static final ArchRule onlyTheCommandLineAndTheEntryPointUseTheCommandLine = noClasses().that()
		.resideOutsideOfPackages("io.sightline.cli..")
		.and()
		.doNotHaveFullyQualifiedName("io.sightline.SightlineApplication")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.sightline.cli..", "picocli..");

	@ArchTest
	static final ArchRule theCacheCallsNoSource = noClasses().that()
		.resideInAPackage("io.sightline.cache..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Source.class)
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("io.sightline.pipeline..", "io.sightline.task..");

	@ArchTest
	static final ArchRule progressHoldsNoDatabaseAccessOfItsOwn = noClasses().that()
		.resideInAPackage("io.sightline.progress..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.jdbc..", "java.sql..");

	/**
	 * The task aggregate's transitions (the methods that take the time of the change) are
	 * package-private: workers change a task through TaskTracker, others through Tasks.
	 */
	@ArchTest
	static final ArchRule theTaskAggregateOwnsItsTransitions = methods().that()
		.areDeclaredIn(Task.class)
		.and()
		.haveRawParameterTypes(new DescribedPredicate<>("ending with an Instant") {
			@Override
			public boolean test(List<JavaClass> parameters) {
				return !parameters.isEmpty() && parameters.get(parameters.size() - 1).isEquivalentTo(Instant.class);
			}
		})
		.should()
		.notBePublic()
		.andShould()
		.notBeProtected();

}
