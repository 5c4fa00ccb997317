module example.com/openreplay

go 1.19
