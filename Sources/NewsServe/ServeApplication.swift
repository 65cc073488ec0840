import Hummingbird
import Logging
import NewsIndex
import ServiceLifecycle

/// `newsidx serve`'s server: the router with its controllers and middleware, the follower
/// of the index's commits, and the service group that runs both and stops them on SIGINT or
/// SIGTERM after requests under way finish (at most `shutdownGrace`).
public struct ServeApplication: Sendable {
    public struct Options: Sendable {
        public var index: String
        public var host = "127.0.0.1"
        public var port = 8080
        /// No access log.
        public var quiet = false

        public init(index: String, host: String = "127.0.0.1", port: Int = 8080, quiet: Bool = false) {
            self.index = index
            self.host = host
            self.port = port
            self.quiet = quiet
        }
    }

    public static let shutdownGrace: Duration = .seconds(10)

    let options: Options
    let follower: IndexFollower

    /// Opens the index: a missing or unreadable index fails here, before anything binds.
    public init(_ options: Options) throws(IndexError) {
        self.options = options
        follower = try IndexFollower(directory: options.index)
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        if !options.quiet { router.add(middleware: AccessLogMiddleware()) }
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPagesMiddleware())
        let context = ServeContext(follower: follower)
        PageController(context: context).addRoutes(to: router)
        APIController(context: context).addRoutes(to: router)
        StaticController().addRoutes(to: router)
        return router
    }

    /// Serves until SIGINT or SIGTERM; `onListening` gets the address actually bound (port 0
    /// asks the system for a free one).
    public func run(onListening: @escaping @Sendable (_ host: String, _ port: Int) -> Void) async throws {
        var logger = Logger(label: "newsidx-serve")
        logger.logLevel = .critical
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "newsidx"),
            onServerRunning: { channel in
                onListening(options.host, channel.localAddress?.port ?? options.port)
            },
            logger: logger
        )
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: app), .init(service: follower)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = Self.shutdownGrace
        try await ServiceGroup(configuration: configuration).run()
    }
}
