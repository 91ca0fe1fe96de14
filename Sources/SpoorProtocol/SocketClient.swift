import Foundation
import Glibc

/// A blocking connection to the daemon, for `spoorctl` and tests: one request at a time,
/// replies read line by line.
public final class SocketClient {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// What one `read` fills, kept from call to call rather than made (and zeroed) for each.
    private var chunk = [UInt8](repeating: 0, count: 65_536)
    private var nextID = 1

    /// Connects to the daemon's socket, or says why it cannot.
    public init(socketPath: String) throws(ClientError) {
        // A local until connected: a throwing init of a class runs deinit, which must not close
        // a descriptor twice (the second close could hit another thread's file).
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .unreachable("cannot make a socket: \(String(cString: strerror(errno)))") }
        guard let result = UnixSocketAddress.with(path: socketPath, { connect(descriptor, $0, $1) }) else {
            close(descriptor)
            throw .unreachable("the socket path \(socketPath) is too long")
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .unreachable("cannot reach spoord at \(socketPath): \(reason). Is it running? (--socket or SPOOR_SOCKET)")
        }
        fd = descriptor
    }

    deinit { close(fd) }

    /// Sends one request and returns its final result; `partial` sees each streamed line first.
    public func call(_ method: Method, _ params: JSONValue = [:], partial: (JSONValue) throws -> Void = { _ in }) throws -> JSONValue {
        let id = String(nextID)
        nextID += 1
        try send(try Request(id: id, method: method, params: params).line())
        while true {
            let response = try readResponse()
            if let error = response.error { throw ClientError.daemon(error) }
            guard response.done else {
                try partial(response.result ?? .null)
                continue
            }
            return response.result ?? .null
        }
    }

    /// Closes the sending side: the daemon sees the end of input and answers what it has.
    public func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// Sends raw bytes: a request line from `Request.line()`, or anything else a test needs.
    public func send(_ data: Data) throws(ClientError) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw .unreachable("the daemon closed the connection") }
            offset += written
        }
    }

    /// Reads the next reply line.
    public func readResponse() throws -> Response {
        var searched = buffer.startIndex  // the bytes before it hold no newline
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                defer { buffer.removeSubrange(...newline) }
                guard let response = Response(line: buffer[..<newline]) else {
                    throw ClientError.protocolViolation("the daemon sent a line that is not a reply")
                }
                return response
            }
            searched = buffer.endIndex
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { throw ClientError.unreachable("the daemon closed the connection before replying") }
            buffer += chunk[..<count]
            guard buffer.count <= WireProtocol.maxReplyBytes + 1 else {
                throw ClientError.protocolViolation("the daemon sent a line longer than \(WireProtocol.maxReplyBytes) bytes")
            }
        }
    }
}
