"""heat-api under uwsgi: the wheel has the factory but no module-level application."""
from heat.api.openstack.wsgi import init_application

application = init_application()
