import Foundation
import SpoorProtocol
import Testing

@Suite("Bad input on the socket gets a typed error and the daemon keeps serving", .serialized)
struct ProtocolRobustnessTests {
    let daemon: DaemonProcess

    init() throws { daemon = try DaemonProcess() }

    private func reply(to line: String, on client: SocketClient? = nil) throws -> Response {
        let client = try client ?? daemon.client()
        try client.send(Data((line + "\n").utf8))
        return try client.readResponse()
    }

    @Test("a raw client writing one JSON line gets a valid reply")
    func rawLine() throws {
        let response = try reply(to: #"{"v":1,"id":"a1","method":"status"}"#)
        #expect(response.ok && response.done && response.id == "a1" && response.v == 1)
        #expect(response.result?["lastPosition"] != nil)
    }

    @Test(
        "malformed, unknown and misfitting requests are answered with the right code",
        arguments: [
            ("not json at all", ErrorCode.badRequest),
            (#"[1,2]"#, .badRequest),
            (#"{"v":2,"id":"x","method":"status"}"#, .unsupportedVersion),
            (#"{"id":"x","method":"status"}"#, .badRequest),
            (#"{"v":1,"method":"status"}"#, .badRequest),
            (#"{"v":1,"id":"x","method":"drop.tables"}"#, .badRequest),
            (#"{"v":1,"id":"x","method":"status","extra":1}"#, .badRequest),
            (#"{"v":1,"id":"x","method":"case.show","params":{"case":"c","colour":"red"}}"#, .badRequest),
            (#"{"v":1,"id":"x","method":"case.show","params":{"case":7}}"#, .badRequest),
            (#"{"v":1,"id":"x","method":"case.show","params":{"case":"Not Valid!"}}"#, .invalidField),
            (#"{"v":1,"id":"x","method":"case.command","params":{"case":"c","command":"fly","body":{}}}"#, .invalidField),
            (#"{"v":1,"id":"x","method":"case.command","params":{"case":"c","command":"open-case","body":{"unit":"u"}}}"#, .invalidField),
            (#"{"v":1,"id":"x","method":"stats","params":{"by":["shoe-size"]}}"#, .invalidField),
        ])
    func badRequests(line: String, code: ErrorCode) throws {
        let response = try reply(to: line)
        #expect(!response.ok && response.done)
        #expect(response.error?.code == code, "\(line): \(String(describing: response.error))")
        #expect(try reply(to: #"{"v":1,"id":"after","method":"status"}"#).ok)
    }

    @Test("a command with a field its event does not have is refused, naming the field")
    func extraField() throws {
        let open =
            #"""
            {"v":1,"id":"o","method":"case.command","params":{"case":"c9","command":"open-case","body":{"unit":"u","openedOn":"2026-11-02",\#
            "youth":{"gender":"male","nationalityGroup":"dutch","ageAtOpening":15,"shoeSize":44}}}}
            """#
        let response = try reply(to: open)
        #expect(response.error?.code == .invalidField)
        #expect(response.error?.field == "youth.shoeSize")
        #expect(try reply(to: #"{"v":1,"id":"s","method":"case.show","params":{"case":"c9"}}"#).error?.code == .notFound)
    }

    @Test("an oversize line is refused and the same connection serves the next request")
    func oversize() throws {
        let client = try daemon.client()
        var huge = Data(#"{"v":1,"id":"big","method":"status","params":{"pad":""#.utf8)
        huge.append(Data(repeating: UInt8(ascii: "x"), count: WireProtocol.maxFrameBytes + 10))
        huge.append(Data("\"}}\n".utf8))
        try client.send(huge)
        #expect(try client.readResponse().error?.code == .frameTooLarge)
        #expect(try reply(to: #"{"v":1,"id":"next","method":"status"}"#, on: client).id == "next")
    }

    @Test("a request cut off by the end of the connection gets an error, and others are served meanwhile")
    func halfWritten() throws {
        let halfway = try daemon.client()
        try halfway.send(Data(#"{"v":1,"id":"half","method":"sta"#.utf8))
        #expect(try reply(to: #"{"v":1,"id":"other","method":"status"}"#).ok)
        halfway.finishSending()
        let response = try halfway.readResponse()
        #expect(response.error?.code == .badRequest)
        #expect(response.error?.message.contains("newline") == true)
    }
}
