// Package openreplay: Go (net/http middleware) — every log line of a request carries its OpenReplay session.
//
//	http.ListenAndServe(addr, openreplay.Middleware(mux))
//	log.Print(openreplay.Tag(r.Context()) + "order created")
package openreplay

import (
	"context"
	"net/http"
	"regexp"
	"strings"
)

type key struct{}

// Only a well-formed token is logged: a header is user input, and a log line must not be forgeable.
var (
	tokenRe     = regexp.MustCompile(`^[0-9A-Za-z]{1,20}\.-?[0-9A-Za-z]{1,20}\.[0-9A-Za-z]{1,20}\.[0-9A-Za-z]{1,120}$`)
	sessionIDRe = regexp.MustCompile(`^\d{1,20}$`)
)

// Middleware keeps the request's session tag in its context.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tag := ""
		if t := strings.TrimSpace(r.Header.Get("X-OpenReplay-SessionToken")); tokenRe.MatchString(t) {
			tag += "[openReplaySessionToken=" + t + "] "
		}
		if id := strings.TrimSpace(r.Header.Get("openReplaySession.id")); sessionIDRe.MatchString(id) {
			tag += "[openReplaySession.id=" + id + "] "
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), key{}, tag)))
	})
}

// Tag is "[openReplaySessionToken=<token>] " for a request that carried one, else "".
func Tag(ctx context.Context) string {
	tag, _ := ctx.Value(key{}).(string)
	return tag
}
