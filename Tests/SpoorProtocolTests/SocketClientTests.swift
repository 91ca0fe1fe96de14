import Foundation
import Glibc
import SpoorProtocol
import Testing

/// The client reads a reply line as long as a case's whole view: a case of 3,000 signals and its
/// timeline came to more than the 1 MiB a request may take, and `case show` refused it.
@Suite("The socket client")
struct SocketClientTests {
    @Test func aReplyLongerThanARequestIsRead() throws {
        let path = "@spoor-client-test-\(getpid())"
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        #expect(UnixSocketAddress.with(path: path) { bind(listener, $0, $1) } == 0)
        #expect(listen(listener, 1) == 0)
        let text = String(repeating: "x", count: 3 << 20)
        let reply = Data(#"{"v":1,"id":"1","ok":true,"done":true,"result":{"text":"\#(text)"}}"#.utf8) + Data([0x0A])
        let server = Thread {
            let connection = accept(listener, nil, nil)
            var request = [UInt8](repeating: 0, count: 4_096)
            _ = read(connection, &request, request.count)
            reply.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(connection, bytes.baseAddress! + offset, bytes.count - offset)
                    guard written > 0 else { break }
                    offset += written
                }
            }
            close(connection)
        }
        server.start()
        let result = try SocketClient(socketPath: path).call(.status)
        #expect(result["text"]?.string?.count == text.count)
    }
}
