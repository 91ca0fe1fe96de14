// tlogcheck verifies Spoor's checkpoints and consistency proof files with Go's own signed-note and
// tlog code (golang.org/x/mod/sumdb), a verifier nobody at Spoor wrote.
//
//	tlogcheck VERIFIER-KEY OLD-CHECKPOINT PROOF-FILE
//	tlogcheck records VERIFIER-KEY CHECKPOINT SUBMISSION
//
// PROOF-FILE is the body of a c2sp.org/tlog-witness add-checkpoint request. Prints the sizes and
// exits 0 when the new checkpoint's signature holds and the proof shows it extends the old one.
//
// SUBMISSION is a relay's registration-records body: each record with the commitment its event's
// hash makes to the rest of the event and an inclusion proof. The event's hash is recomputed here
// from Spoor's documented format 3, SHA-256(0x03 || u32be(len(record)) || record || commitment),
// and each proof checked against the checkpoint with Go's tlog code. Exits 0 when all hold.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "tlogcheck: "+format+"\n", args...)
	os.Exit(1)
}

// head opens a signed checkpoint with the verifier and returns its origin, size and root.
func head(text []byte, verifiers note.Verifiers) (string, int64, tlog.Hash) {
	n, err := note.Open(text, verifiers)
	if err != nil {
		fail("the checkpoint does not verify: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("the checkpoint body has fewer than three lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("no tree size: %v", err)
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		fail("no root hash")
	}
	var hash tlog.Hash
	copy(hash[:], root)
	return lines[0], size, hash
}

// records checks a relay's submission against a signed checkpoint.
func records(verifiers note.Verifiers, checkpoint, submission []byte) {
	origin, size, root := head(checkpoint, verifiers)
	var body struct {
		Records []struct {
			Position   int64    `json:"position"`
			TreeSize   int64    `json:"treeSize"`
			Record     string   `json:"record"`
			Commitment string   `json:"commitment"`
			Proof      []string `json:"proof"`
		} `json:"records"`
	}
	if err := json.Unmarshal(submission, &body); err != nil || len(body.Records) == 0 {
		fail("the submission holds no records: %v", err)
	}
	for _, entry := range body.Records {
		if entry.TreeSize != size {
			fail("record %d is proved against %d events, the checkpoint has %d", entry.Position, entry.TreeSize, size)
		}
		commitment, err := hex.DecodeString(entry.Commitment)
		if err != nil || len(commitment) != sha256.Size {
			fail("record %d: the commitment is not a hex SHA-256", entry.Position)
		}
		event := sha256.New()
		event.Write([]byte{3})
		binary.Write(event, binary.BigEndian, uint32(len(entry.Record)))
		event.Write([]byte(entry.Record))
		event.Write(commitment)
		var proof tlog.RecordProof
		for _, item := range entry.Proof {
			raw, err := hex.DecodeString(item)
			if err != nil || len(raw) != tlog.HashSize {
				fail("record %d: a proof item is not a hex hash", entry.Position)
			}
			var hash tlog.Hash
			copy(hash[:], raw)
			proof = append(proof, hash)
		}
		if err := tlog.CheckRecord(proof, size, root, entry.Position-1, tlog.RecordHash(event.Sum(nil))); err != nil {
			fail("record %d is not in the log of %d: %v", entry.Position, size, err)
		}
	}
	fmt.Printf("included: %d records in %s of %d\n", len(body.Records), origin, size)
}

func main() {
	if len(os.Args) == 5 && os.Args[1] == "records" {
		verifier, err := note.NewVerifier(os.Args[2])
		if err != nil {
			fail("the verifier key: %v", err)
		}
		checkpoint, err := os.ReadFile(os.Args[3])
		if err != nil {
			fail("%v", err)
		}
		submission, err := os.ReadFile(os.Args[4])
		if err != nil {
			fail("%v", err)
		}
		records(note.VerifierList(verifier), checkpoint, submission)
		return
	}
	if len(os.Args) != 4 {
		fail("usage: tlogcheck VERIFIER-KEY OLD-CHECKPOINT PROOF-FILE")
	}
	verifier, err := note.NewVerifier(os.Args[1])
	if err != nil {
		fail("the verifier key: %v", err)
	}
	verifiers := note.VerifierList(verifier)
	old, err := os.ReadFile(os.Args[2])
	if err != nil {
		fail("%v", err)
	}
	oldOrigin, oldSize, oldRoot := head(old, verifiers)
	body, err := os.ReadFile(os.Args[3])
	if err != nil {
		fail("%v", err)
	}
	parts := bytes.SplitN(body, []byte("\n\n"), 2)
	if len(parts) != 2 {
		fail("no empty line before the checkpoint")
	}
	lines := strings.Split(string(parts[0]), "\n")
	if !strings.HasPrefix(lines[0], "old ") {
		fail("no old size line")
	}
	provenFrom, err := strconv.ParseInt(strings.TrimPrefix(lines[0], "old "), 10, 64)
	if err != nil || provenFrom != oldSize {
		fail("the proof is from size %s, the old checkpoint has %d", lines[0], oldSize)
	}
	var proof tlog.TreeProof
	for _, line := range lines[1:] {
		raw, err := base64.StdEncoding.DecodeString(line)
		if err != nil || len(raw) != tlog.HashSize {
			fail("a proof line is not a base64 hash: %q", line)
		}
		var hash tlog.Hash
		copy(hash[:], raw)
		proof = append(proof, hash)
	}
	newOrigin, newSize, newRoot := head(parts[1], verifiers)
	if newOrigin != oldOrigin {
		fail("the checkpoints are of two logs: %s and %s", oldOrigin, newOrigin)
	}
	if err := tlog.CheckTree(proof, newSize, newRoot, oldSize, oldRoot); err != nil {
		fail("the log of %d does not extend the one of %d: %v", newSize, oldSize, err)
	}
	fmt.Printf("consistent: %s of %d extends %d\n", newOrigin, newSize, oldSize)
}
