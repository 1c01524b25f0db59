package io.sightline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code java -jar sightline.jar <command>}. With no command (or only
 * {@code --name=value} settings) the jar serves, as it always has.
 */
@Command(name = "sightline", mixinStandardHelpOptions = true, version = "Sightline 0.1.0",
		description = "Summaries of videos, articles and transcripts, with live progress.",
		subcommands = { SummarizeCommand.class, SubmitCommand.class, WatchCommand.class, LibraryCommand.class,
				FollowsCommand.class, ShowCommand.class, AskCommand.class, DeleteCommand.class, UserCommand.class,
				TokenCommand.class, TrainCommand.class, CommandLine.HelpCommand.class },
		footer = { "%nWith no command, or with `serve`, the jar runs the server (http://localhost:8080/).",
				ExitCodes.HELP })
public final class Cli {

	private static final Set<String> OPTIONS = Set.of("--help", "-h", "--version", "-V");

	/**
	 * Whether these arguments ask for a command rather than the server: the server takes
	 * only settings ({@code --name=value}, after an optional {@code serve}), so any other
	 * first word is a command, and a mistyped one is refused with a suggestion instead of
	 * starting a server.
	 */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && (OPTIONS.contains(args[0]) || (!args[0].startsWith("-") && !args[0].equals("serve")));
	}

	/**
	 * The Spring Boot application that commands start in-process; given by the caller, so
	 * this module does not depend on the one that starts it.
	 */
	private static volatile Class<?> application;

	/** Runs a command of {@code app} and answers its exit code. */
	public static int run(Class<?> app, String[] args) {
		return run(app, args, Streams.system());
	}

	static int run(Class<?> app, String[] args, Streams streams) {
		application = app;
		return run(args, streams);
	}

	/**
	 * The terminal's width as the shell says it ({@code COLUMNS}), when it says one of at
	 * least 80 columns.
	 */
	static Optional<Integer> columns(Streams streams) {
		try {
			int columns = Integer.parseInt(streams.environment().getOrDefault("COLUMNS", "").strip());
			return (columns >= 80) ? Optional.of(Math.min(columns, 400)) : Optional.empty();
		}
		catch (NumberFormatException unset) {
			return Optional.empty();
		}
	}

	/** The application the commands start; set by {@link #run(Class, String[])}. */
	static Class<?> application() {
		Class<?> app = application;
		if (app == null) {
			throw new IllegalStateException("Cli.run(application, args) was not called");
		}
		return app;
	}

	static int run(String[] args, Streams streams) {
		CommandLine commandLine = new CommandLine(new Cli(), new Factory(streams));
		// help as wide as the terminal, so examples and addresses are not broken in two
		commandLine.setUsageHelpAutoWidth(true);
		columns(streams).ifPresent(commandLine::setUsageHelpWidth);
		commandLine.setOut(new PrintWriter(streams.out(), true));
		commandLine.setErr(new PrintWriter(streams.err(), true));
		commandLine.setExitCodeExceptionMapper(
				(failure) -> (failure instanceof CliFailure known) ? known.exitCode() : ExitCodes.OTHER);
		commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
			streams.err().println();
			if (failure instanceof CliFailure known) {
				streams.err().println(known.getMessage());
				return known.exitCode();
			}
			streams.err()
				.println("Sightline failed unexpectedly (" + failure.getClass().getSimpleName() + ": "
						+ failure.getMessage() + "); please report it.");
			return ExitCodes.OTHER;
		});
		commandLine.setParameterExceptionHandler((failure, arguments) -> {
			if (failure.getCommandLine() == commandLine && failure instanceof UnmatchedArgumentException unmatched
					&& arguments.length > 0 && unmatched.getUnmatched().contains(arguments[0])) {
				List<String> near = unmatched.getSuggestions();
				streams.err()
					.println("There is no command " + arguments[0]
							+ (near.isEmpty() ? "" : "; did you mean " + near.get(0) + "?") + " See sightline --help.");
				return ExitCodes.BAD_INPUT;
			}
			streams.err()
				.println(failure.getMessage() + "; see sightline " + ((arguments.length > 0) ? arguments[0] + " " : "")
						+ "--help.");
			return ExitCodes.BAD_INPUT;
		});
		return commandLine.execute(args);
	}

	/** Gives each command the streams it writes to. */
	private record Factory(Streams streams) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			for (var constructor : type.getDeclaredConstructors()) {
				if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Streams.class) {
					constructor.setAccessible(true);
					return type.cast(constructor.newInstance(this.streams));
				}
			}
			return CommandLine.defaultFactory().create(type);
		}

	}

}
