// tlogcheck verifies Spoor's checkpoints and consistency proof files with Go's own signed-note and
// tlog code (golang.org/x/mod/sumdb), a verifier nobody at Spoor wrote.
//
//	tlogcheck VERIFIER-KEY OLD-CHECKPOINT PROOF-FILE
//
// PROOF-FILE is the body of a c2sp.org/tlog-witness add-checkpoint request. Prints the sizes and
// exits 0 when the new checkpoint's signature holds and the proof shows it extends the old one.
package main

import (
	"bytes"
	"encoding/base64"
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

func main() {
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
