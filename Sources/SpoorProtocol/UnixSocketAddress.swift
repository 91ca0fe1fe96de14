import Glibc

/// A Unix socket's address (`sockaddr_un`), the one way Spoor builds it for connect(2), bind(2)
/// and sendto(2). A path that starts with `@` names an abstract socket, as systemd writes them.
public enum UnixSocketAddress {
    /// Calls `body` with the address of `path` and its length; `nil` when the path is too long.
    public static func with<R>(path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) rethrows -> R? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let abstract = path.hasPrefix("@")
        let bytes = abstract ? [0] + Array(path.utf8.dropFirst()) : Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = abstract ? socklen_t(MemoryLayout<sa_family_t>.size + bytes.count) : socklen_t(MemoryLayout<sockaddr_un>.size)
        return try withUnsafePointer(to: &address) { try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, length) } }
    }
}
