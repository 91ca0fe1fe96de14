import Foundation
@testable import SpoorProof
import Testing

@Suite("Signed checkpoints (C2SP signed note, Ed25519)")
struct CheckpointTests {
    static let head = TreeHead(size: 1234, root: MerkleHash.leaf([1, 2, 3]))

    @Test("a checkpoint signed by the log verifies with its verifier key and reads back the same")
    func roundTrip() throws {
        let (signer, _) = CheckpointSigner.generate(name: "spoor/test-log")
        let note = try Checkpoint(origin: "spoor/test-log", head: Self.head).signed(by: signer)
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "spoor/test-log" && lines[1] == "1234" && lines[3] == "" && lines[4].hasPrefix("— spoor/test-log "))
        let verifier = try CheckpointVerifier(verifierKey: signer.verifierKey)
        #expect(try Checkpoint(note: note, verifiedBy: verifier) == Checkpoint(origin: "spoor/test-log", head: Self.head))
    }

    @Test("a forged, re-signed, foreign or mangled checkpoint is refused with the reason")
    func refusals() throws {
        let (signer, _) = CheckpointSigner.generate(name: "spoor/test-log")
        let verifier = try CheckpointVerifier(verifierKey: signer.verifierKey)
        let note = try Checkpoint(origin: "spoor/test-log", head: Self.head).signed(by: signer)

        let forged = note.replacingOccurrences(of: "\n1234\n", with: "\n1235\n")
        #expect(throws: CheckpointError.badSignature(keyName: "spoor/test-log")) { try Checkpoint(note: forged, verifiedBy: verifier) }

        let (impostor, _) = CheckpointSigner.generate(name: "spoor/test-log")
        let reSigned = try Checkpoint(origin: "spoor/test-log", head: Self.head).signed(by: impostor)
        #expect(throws: CheckpointError.noSignature(keyName: "spoor/test-log")) { try Checkpoint(note: reSigned, verifiedBy: verifier) }

        let (other, _) = CheckpointSigner.generate(name: "spoor/other-log")
        let foreign = try Checkpoint(origin: "spoor/other-log", head: Self.head).signed(by: other)
        #expect(throws: CheckpointError.otherLog(origin: "spoor/other-log", expected: "spoor/test-log")) {
            try Checkpoint(note: foreign, verifiedBy: verifier)
        }

        for mangled in [
            String(note.prefix(20)), "", note.replacingOccurrences(of: "\n1234\n", with: "\n01234\n"),
            note.replacingOccurrences(of: "\n\n", with: "\n"), String(repeating: "x", count: 5_000),
        ] {
            #expect(throws: CheckpointError.self) { try Checkpoint(note: mangled, verifiedBy: verifier) }
        }
        for key in ["", "spoor/test-log", "a+zzzzzzzz+AAAA", signer.verifierKey.replacingOccurrences(of: "+A", with: "+B")] {
            #expect(throws: CheckpointError.self) { try CheckpointVerifier(verifierKey: key) }
        }
    }

    @Test("interoperable: the signed-note example of Go's golang.org/x/mod/sumdb/note verifies")
    func goNoteVector() throws {
        let verifier = try CheckpointVerifier(verifierKey: "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
        let signature = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
        try verifier.check(signatures: signature, over: Data(text.utf8))
        #expect(throws: CheckpointError.badSignature(keyName: "PeterNeumann")) {
            try verifier.check(signatures: signature, over: Data(text.replacingOccurrences(of: "problem", with: "trouble").utf8))
        }
        // Go's private key for the example is 0x01 ‖ seed; the same key must derive the same verifier key.
        let seed = Array(Data(base64Encoded: "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")!.dropFirst())
        #expect(
            try CheckpointSigner(name: "PeterNeumann", seed: seed).verifierKey == "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
        )
    }
}
