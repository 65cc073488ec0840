#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NewsIndex
import NewsServe

/// `newsidx-serve`: the server behind `newsidx serve`, a program of its own so that a plain
/// `newsidx search` does not load SwiftNIO at every start. `newsidx serve` checks the
/// options and runs it with them resolved; run by hand it takes the same options.

func fail(_ message: String, status: Int32) -> Never {
    let line = "newsidx: error: \(message)\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(status)
}

func say(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
}

var options = ServeApplication.Options(index: "Index")
var arguments = CommandLine.arguments.dropFirst()[...]
while let argument = arguments.popFirst() {
    func value() -> String {
        guard let v = arguments.popFirst() else { fail("\(argument) needs a value; see newsidx serve --help", status: 2) }
        return v
    }
    switch argument {
    case "--index": options.index = value()
    case "--host": options.host = value()
    case "--port":
        let text = value()
        guard let port = Int(text), (0...65_535).contains(port) else { fail("--port \(text): give a port number from 1 to 65535", status: 2) }
        options.port = port
    case "--quiet": options.quiet = true
    default: fail("unknown option '\(argument)'; see newsidx serve --help", status: 2)
    }
}

let application: ServeApplication
do {
    application = try ServeApplication(options)
} catch {
    switch error {
    case .missing: fail("\(error)", status: 2)
    default: fail("\(error)", status: 3)
    }
}

let index = options.index
do {
    try await application.run { host, port in
        let shown = host.contains(":") ? "[\(host)]" : host
        say("newsidx: serving \(index) at http://\(shown):\(port)/")
    }
} catch let error as IOError where error.errnoCode == EADDRINUSE {
    fail("port \(options.port) on \(options.host) is in use by another program; stop it or choose another --port", status: 75)
} catch let error as IOError where error.errnoCode == EADDRNOTAVAIL || error.errnoCode == EACCES {
    fail("cannot listen on \(options.host) port \(options.port): \(error.description); choose another --host or --port", status: 2)
} catch {
    fail("the server stopped: \(error)", status: 3)
}
exit(0)
