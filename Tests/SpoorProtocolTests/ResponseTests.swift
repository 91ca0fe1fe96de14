import SpoorProtocol
import Testing

@Suite("Reply lines")
struct ResponseTests {
    @Test("a reply line survives the trip through the wire")
    func replyLine() throws {
        let reply = Response.failure("7", WireError(.invalidField, "must be positive", field: "limit"))
        #expect(Response(line: try reply.line().dropLast()) == reply)
        let success = Response.success("8", ["lastPosition": 42], done: false)
        #expect(Response(line: try success.line().dropLast()) == success)
    }
}
