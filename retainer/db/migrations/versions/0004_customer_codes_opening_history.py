"""customer codes from the shop's files, opening histories

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Columns are added in place (ALTER TABLE ... ADD COLUMN), never by rebuilding the table, so
no child row is touched.
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('customers', sa.Column('code', sa.String(length=64), nullable=True))
    op.add_column('customers', sa.Column('name_from_code', sa.Boolean(), server_default='0',
                                         nullable=False))
    op.add_column('customers', sa.Column('opening_count', sa.Integer(), server_default='0',
                                         nullable=False))
    op.add_column('customers', sa.Column('opening_spent_cents', sa.Integer(), server_default='0',
                                         nullable=False))
    op.add_column('customers', sa.Column('opening_first_day', sa.Integer(), nullable=True))
    op.add_column('customers', sa.Column('opening_last_day', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_customers_code'), 'customers', ['code'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_customers_code'), table_name='customers')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        for name in ('opening_last_day', 'opening_first_day', 'opening_spent_cents',
                     'opening_count', 'name_from_code', 'code'):
            batch_op.drop_column(name)
