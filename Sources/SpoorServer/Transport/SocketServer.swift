import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import SpoorProtocol
import Synchronization

/// The Unix socket server: accepts connections, learns each peer from the kernel, reads request
/// lines and writes reply lines, one request at a time per connection. On graceful shutdown it
/// stops accepting, lets every connection finish the request it is serving, and returns.
final class SocketServer<Handler: Responder>: Service {
    let listener: Listener
    let responder: Handler
    let maxConnections: Int
    /// Counts the connections, which `status` shows.
    let statistics: ServerStatistics
    let logger: Logger
    /// Called once the socket listens: when the daemon may say READY.
    let onListening: @Sendable () -> Void
    /// Called when graceful shutdown begins: when the daemon says STOPPING.
    let onStopping: @Sendable () -> Void
    private let connections = Mutex<[Int: any Channel]>([:])
    private let isStopping = Atomic(false)

    init(
        listener: Listener, responder: Handler, maxConnections: Int, statistics: ServerStatistics, logger: Logger,
        onListening: @escaping @Sendable () -> Void, onStopping: @escaping @Sendable () -> Void
    ) {
        self.listener = listener
        self.responder = responder
        self.maxConnections = maxConnections
        self.statistics = statistics
        self.logger = logger
        self.onListening = onListening
        self.onStopping = onStopping
    }

    private struct Connection: Sendable {
        let channel: NIOAsyncChannel<Frame, ByteBuffer>
        let credentials: PeerCredentials
    }

    func run() async throws {
        let server = try await bind()
        onListening()
        logger.info("listening on \(listener.description)")
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { inbound in
                    for try await connection in inbound {
                        // The connection's requests run on its event loop (see ``EventLoopExecutor``).
                        group.addTask(executorPreference: EventLoopExecutor(connection.channel.channel.eventLoop)) {
                            await self.serve(connection)
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            self.onStopping()
            self.isStopping.store(true, ordering: .sequentiallyConsistent)
            server.channel.close(promise: nil)
            self.connections.withLock { $0.values.forEach { $0.close(mode: .input, promise: nil) } }
        }
        if case .path(let path) = listener { unlink(path) }
        logger.info("stopped serving; every connection is drained")
    }

    private func bind() async throws -> NIOAsyncChannel<Connection, Never> {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = { channel in
            PeerCredentials.of(channel).flatMapThrowing { credentials in
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(LineFrameDecoder(maxLength: WireProtocol.maxFrameBytes)))
                return Connection(channel: try NIOAsyncChannel(wrappingChannelSynchronously: channel), credentials: credentials)
            }
        }
        switch listener {
        case .path(let path):
            try Self.refuseIfInUse(path)
            try Self.checkFolder(of: path)
            let server: NIOAsyncChannel<Connection, Never>
            do {
                server = try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true, childChannelInitializer: initializer)
            } catch {
                throw ServerError.socket(path: path, reason: "cannot bind it: \(error)")
            }
            chmod(path, 0o660)  // the service user and the admin group, no one else
            return server
        case .activated(let fd, _):
            return try await bootstrap.bind(fd, childChannelInitializer: initializer)
        }
    }

    /// The socket's folder must exist and be writable: say which, and how to make it, rather than NIO's errno.
    private static func checkFolder(of path: String) throws(ServerError) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .socket(
                path: path,
                reason:
                    """
                    cannot bind it: the folder \(folder) does not exist; create it (systemd-tmpfiles --create spoor.conf makes /run/spoor) or set \
                    socketPath
                    """
            )
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw .socket(
                path: path, reason: "cannot bind it: the folder \(folder) is not writable by this user (\(String(cString: strerror(errno))))")
        }
    }

    /// A socket file another daemon still listens on is not ours to remove.
    private static func refuseIfInUse(_ path: String) throws(ServerError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(probe) }
        if UnixSocketAddress.with(path: path, { connect(probe, $0, $1) }) == 0 {
            throw .socket(path: path, reason: "another process listens on it; stop it first")
        }
    }

    private func serve(_ connection: Connection) async {
        guard let number = statistics.admit(limit: maxConnections) else {
            await refuse(connection, WireError(.busy, "the daemon serves \(maxConnections) connections already; try again later"))
            return
        }
        defer { statistics.release() }
        connections.withLock { $0[number] = connection.channel.channel }
        defer { _ = connections.withLock { $0.removeValue(forKey: number) } }
        if isStopping.load(ordering: .sequentiallyConsistent) { connection.channel.channel.close(mode: .input, promise: nil) }

        let peer = responder.peer(connection.credentials, connection: number)
        logger.debug("connection \(number) from \(peer), pid \(connection.credentials.pid)")
        do {
            try await connection.channel.executeThenClose { inbound, outbound in
                let reply: Reply = { response in
                    try await outbound.write(ByteBuffer(bytes: try response.line()))
                }
                for try await frame in inbound {
                    try await self.handle(frame, from: peer, reply: reply)
                }
            }
        } catch {
            logger.debug("connection \(number) ended: \(error)")
        }
    }

    private typealias Reply = @Sendable (Response) async throws -> Void

    private func handle(_ frame: Frame, from peer: Handler.Peer, reply: @escaping Reply) async throws {
        switch frame {
        case .oversize:
            try await reply(.failure(nil, WireError(.frameTooLarge, "a request line may hold at most \(WireProtocol.maxFrameBytes) bytes")))
        case .truncated:
            try await reply(
                .failure(nil, WireError(.badRequest, "the connection closed in the middle of a request; end each request with a newline")))
        case .line(let line):
            guard line.readableBytes > 0 else { return }
            switch RequestDecoder.decode(line) {
            case .success(let request):
                try await responder.respond(to: request, from: peer, reply: reply)
            case .failure(let failure):
                try await reply(.failure(failure.id, failure.error))
            }
        }
    }

    private func refuse(_ connection: Connection, _ error: WireError) async {
        logger.warning("refused a connection: \(error.message)")
        try? await connection.channel.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(bytes: try Response.failure(nil, error).line()))
        }
    }
}
