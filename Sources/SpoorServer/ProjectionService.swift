import Logging
import ServiceLifecycle

/// Runs the projection folder for as long as the daemon serves; it stops last, after the
/// socket server has drained, because in-flight requests wait on it.
struct ProjectionService: Service {
    let projections: ProjectionHost
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown { await projections.run(logger: logger) }
    }
}
