import Foundation
@testable import SpoorProof
import Testing

func hex(_ text: String) -> ChainHash { ChainHash(hex: text)! }

@Suite("The RFC 6962 Merkle tree: reference vectors, proofs and their verifiers")
struct MerkleTests {
    // Certificate Transparency's reference data (RFC 6962 test vectors, as in transparency-dev/merkle).
    static let data = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
        .map { text in stride(from: 0, to: text.count, by: 2).map { UInt8(text.dropFirst($0).prefix(2), radix: 16)! } }
    static let leaves = data.map { MerkleHash.leaf($0) }
    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4", "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c", "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map(hex)

    @Test("the reference roots for every size from 0 to 8")
    func referenceRoots() throws {
        #expect(MerkleHash.empty == hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        for size in 1...8 {
            #expect(try MerkleTree.root(size: UInt64(size), MerkleTree.perfect(ofLeaves: Self.leaves)) == Self.roots[size - 1], "size \(size)")
        }
    }

    @Test("the reference inclusion and consistency proofs, generated and verified")
    func referenceProofs() throws {
        let perfect = MerkleTree.perfect(ofLeaves: Self.leaves)
        let inclusions: [(UInt64, [String])] = [
            (
                0,
                [
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                5,
                [
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
        ]
        for (index, expected) in inclusions {
            let proof = try MerkleTree.inclusionProof(index: index, size: 8, perfect)
            #expect(proof == expected.map(hex))
            #expect(MerkleVerifier.verifyInclusion(leafHash: Self.leaves[Int(index)], index: index, size: 8, proof: proof, root: Self.roots[7]))
        }
        let consistencies: [(UInt64, UInt64, [String])] = [
            (
                2, 8,
                [
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                6, 8,
                [
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
            (
                2, 5,
                [
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ]
            ),
        ]
        for (old, new, expected) in consistencies {
            let proof = try MerkleTree.consistencyProof(old: old, new: new, perfect)
            #expect(proof == expected.map(hex), "\(old) → \(new)")
            #expect(
                MerkleVerifier.verifyConsistency(
                    oldSize: old, newSize: new, oldRoot: Self.roots[Int(old) - 1], newRoot: Self.roots[Int(new) - 1], proof: proof))
        }
    }

    @Test("every proof of every tree up to 40 leaves verifies, and every mangled one fails")
    func exhaustive() throws {
        let leaves = (0..<40).map { MerkleHash.leaf([UInt8($0), UInt8(truncatingIfNeeded: $0 &* 7)]) }
        let perfect = MerkleTree.perfect(ofLeaves: leaves)
        let roots = try (0...40).map { try MerkleTree.root(size: UInt64($0), perfect) }
        for size in 1...40 {
            for index in 0..<size {
                let proof = try MerkleTree.inclusionProof(index: UInt64(index), size: UInt64(size), perfect)
                #expect(
                    MerkleVerifier.verifyInclusion(leafHash: leaves[index], index: UInt64(index), size: UInt64(size), proof: proof, root: roots[size])
                )
                #expect(
                    !MerkleVerifier.verifyInclusion(
                        leafHash: leaves[index], index: UInt64(index), size: UInt64(size), proof: proof + [leaves[0]], root: roots[size]))
                #expect(
                    !MerkleVerifier.verifyInclusion(leafHash: leaves[index], index: UInt64(size), size: UInt64(size), proof: proof, root: roots[size])
                )
                if !proof.isEmpty {
                    #expect(
                        !MerkleVerifier.verifyInclusion(
                            leafHash: leaves[index], index: UInt64(index), size: UInt64(size), proof: proof.dropLast(), root: roots[size]))
                    #expect(
                        !MerkleVerifier.verifyInclusion(
                            leafHash: leaves[(index + 1) % size], index: UInt64(index), size: UInt64(size), proof: proof, root: roots[size])
                            || size == 1)
                }
            }
            for old in 0...size {
                let proof = try MerkleTree.consistencyProof(old: UInt64(old), new: UInt64(size), perfect)
                #expect(
                    MerkleVerifier.verifyConsistency(
                        oldSize: UInt64(old), newSize: UInt64(size), oldRoot: roots[old], newRoot: roots[size], proof: proof))
                if old > 0 && old < size {
                    #expect(
                        !MerkleVerifier.verifyConsistency(
                            oldSize: UInt64(old), newSize: UInt64(size), oldRoot: roots[old], newRoot: roots[size], proof: proof.dropLast()))
                    #expect(
                        !MerkleVerifier.verifyConsistency(
                            oldSize: UInt64(old), newSize: UInt64(size), oldRoot: MerkleHash.leaf([0xFF]), newRoot: roots[size], proof: proof))
                }
            }
        }
    }
}
