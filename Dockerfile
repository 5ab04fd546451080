# Build stage: compile the release binary.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked

# Runtime stage: the binary alone, as a non-root user.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 downwatch
COPY --from=build /src/target/release/downwatch /usr/local/bin/downwatch
USER downwatch
EXPOSE 8080
ENV DOWNWATCH_LISTEN=0.0.0.0:8080
ENTRYPOINT ["/usr/local/bin/downwatch"]
