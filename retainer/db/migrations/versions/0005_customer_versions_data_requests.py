"""customer versions for several terminals, erased customers, the log of personal-data requests

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Columns are added in place (ALTER TABLE ... ADD COLUMN), never by rebuilding the table, so
no child row is touched.
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('customers', sa.Column('version', sa.Integer(), server_default='1',
                                         nullable=False))
    op.add_column('customers', sa.Column('erased_at', sa.DateTime(), nullable=True))
    op.create_table(
        'data_requests',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('made_at', sa.DateTime(), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False, server_default=''),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_requests')),
    )
    op.create_index(op.f('ix_data_requests_customer_id'), 'data_requests', ['customer_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_data_requests_customer_id'), table_name='data_requests')
    op.drop_table('data_requests')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_column('erased_at')
        batch_op.drop_column('version')
