import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `newsidx serve`: the archive as a search page and JSON API for a newsroom's browsers.
///
/// The server is `newsidx-serve`, a program beside this one (as git runs its subcommands):
/// linking SwiftNIO into `newsidx` would make every `newsidx search` process pay for loading
/// it. This command checks the options, then replaces itself with that program.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the index as a search page and a JSON API over HTTP (read-only).",
        discussion: """
            Pages: / (search box, story count, dates), /search?q=… (results with facets), \
            /story/ID. API: /api/search?q=…&limit=&offset=&sort=&since=&until=&any=1&\
            source=&place=&lang=&facets=1, /api/story/ID, /api/stats, /healthz, /openapi.json, \
            /opensearch.xml. Nothing changes the index; a commit by add, reindex, rm or \
            compact in another process is served within a second, without restart.

            Prints "newsidx: serving DIR at http://HOST:PORT/" once listening, then one \
            line per request on stderr (method, path, q, status, milliseconds) unless \
            --quiet. Stops on SIGINT or SIGTERM once requests under way finish (at most \
            10 s), exit status 0. Exit status 2 for bad options or a missing index, 3 when \
            the index cannot be read, 75 when the port is taken.

            Binds 127.0.0.1 unless --host says otherwise; put a reverse proxy with TLS in \
            front of it to serve other machines.
            """
    )

    @OptionGroup var location: IndexOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "ADDRESS"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port, printed at start).", valueName: "PORT"))
    var port = 8080

    @Flag(name: .long, help: "No access log on stderr.")
    var quiet = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be a port number from 1 to 65535") }
        guard !host.isEmpty, !host.hasPrefix("-") else { throw ValidationError("--host needs an address, e.g. 127.0.0.1") }
    }

    func run() throws {
        guard let server = Self.serverProgram() else {
            throw CommandFailure(status: .failure, message: "newsidx-serve is not installed beside newsidx; build it with make build (or make install)")
        }
        let index = Terminal.absolutePath(location.directory) ?? location.directory
        var arguments = [server, "--index", index, "--host", host, "--port", String(port)]
        if quiet { arguments.append("--quiet") }
        let argv = arguments.map { strdup($0) } + [nil]
        execv(server, argv)
        throw CommandFailure(status: .failure, message: "could not start \(server): \(String(cString: strerror(errno)))")
    }

    /// `newsidx-serve` in the folder of the running `newsidx` (the build folder, or the
    /// `bin/` it was installed to), found through `/proc/self/exe` so that a `newsidx` run
    /// through a link or `PATH` finds its own.
    static func serverProgram() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let candidate = String(path[..<slash]) + "/newsidx-serve"
        return access(candidate, X_OK) == 0 ? candidate : nil
    }
}
