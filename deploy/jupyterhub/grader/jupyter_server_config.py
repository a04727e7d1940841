"""The formgrader service's Jupyter server (JUPYTER_CONFIG_PATH points here)."""

c = get_config()  # noqa: F821  (injected by traitlets when Jupyter loads this file)

# JupyterLab shows formgrader in a frame; Jupyter Server forbids every frame by default
# (frame-ancestors 'none'), which leaves the panel blank. Frames from the hub's own origin
# only: without per-user subdomains every server shares that origin (README, "Security").
c.ServerApp.tornado_settings = {"headers": {"Content-Security-Policy": "frame-ancestors 'self'"}}
