//go:build go1.21

package openreplay

import (
	"context"
	"log/slog"
)

// Handler prefixes each record's message with the request's tag (pass the request's context:
// logger.InfoContext(r.Context(), "order created")).
//
//	slog.SetDefault(slog.New(openreplay.Handler{Handler: slog.NewTextHandler(os.Stderr, nil)}))
type Handler struct{ slog.Handler }

func (h Handler) Handle(ctx context.Context, r slog.Record) error {
	if tag := Tag(ctx); tag != "" {
		r.Message = tag + r.Message
	}
	return h.Handler.Handle(ctx, r)
}

func (h Handler) WithAttrs(attrs []slog.Attr) slog.Handler { return Handler{h.Handler.WithAttrs(attrs)} }
func (h Handler) WithGroup(name string) slog.Handler       { return Handler{h.Handler.WithGroup(name)} }
