import ArgumentParser

/// `--quiet` and `--wait` for commands that take the writer's turn (`compact`, `rm`,
/// `roots rm`): one definition, one validation.
struct WriterTurnOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another writer before exiting with status 75.", valueName: "SECONDS"))
    var wait: Double = 30

    func validate() throws {
        guard wait >= 0 else { throw ValidationError("--wait must be zero or more seconds") }
    }
}
