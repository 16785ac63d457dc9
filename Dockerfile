# Papershelf in a container (issue 10). Not built in CI: the Debian/PyPI path is what CI
# proves. Data lives in /data (a volume); PostgreSQL with pgvector via DATABASE_URL.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PAPERSHELF_HOME=/data
RUN useradd --create-home --uid 1000 papershelf && mkdir /data && chown papershelf /data
WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir .
USER papershelf
VOLUME /data
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
# The worker runs in its own container (compose.yaml); this one serves the web only.
CMD ["papershelf", "serve", "--host", "0.0.0.0", "--no-worker"]
