# downwatch container image: `docker build -t downwatch .`
#
# Build stage: compile the release binary.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked \
    && strip target/release/downwatch

# Runtime stage: the binary alone (catalog, GeoIP database and page assets
# are embedded), as a non-root user.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin downwatch
COPY --from=build /src/target/release/downwatch /usr/local/bin/downwatch
USER downwatch
EXPOSE 8080
ENV DOWNWATCH_LISTEN=0.0.0.0:8080
# No curl in this image: the binary checks its own /healthz.
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/downwatch", "healthcheck"]
# SIGTERM stops accepting, finishes in-flight requests, then exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/downwatch"]
CMD ["serve"]
